/** The shared UI building blocks; screens import from here. */
export { ConfirmDialog } from './ConfirmDialog';
export type { ConfirmDialogProps } from './ConfirmDialog';
export { DateField } from './DateField';
export type { DateFieldProps } from './DateField';
export { Dialog } from './Dialog';
export type { DialogProps } from './Dialog';
export { EmptyState } from './EmptyState';
export type { EmptyStateProps } from './EmptyState';
export { CheckboxField, Field, NumberField, SelectField, TextAreaField, TextField } from './Field';
export type {
  CheckboxFieldProps,
  ControlProps,
  FieldProps,
  NumberFieldProps,
  SelectFieldProps,
  SelectOption,
  TextAreaFieldProps,
  TextFieldProps,
} from './Field';
export { PageHeader } from './PageHeader';
export type { PageHeaderProps } from './PageHeader';
export { StatusBadge } from './StatusBadge';
export type { StatusBadgeProps } from './StatusBadge';
export { Toasts } from './Toasts';
