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
export { DiscardPrompt } from './DiscardPrompt';
export { FormDialog, FormSummary } from './FormDialog';
export type { FormDialogProps } from './FormDialog';
export { PageHeader } from './PageHeader';
export type { PageHeaderProps } from './PageHeader';
export { ActionsHeader, RowActions } from './RowActions';
export type { RowActionsProps } from './RowActions';
export { SectionForm } from './SectionForm';
export type { SectionFormProps } from './SectionForm';
export { StatusBadge } from './StatusBadge';
export type { StatusBadgeProps } from './StatusBadge';
export { Toasts } from './Toasts';
