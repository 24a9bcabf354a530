/**
 * Partners: the municipalities and organizations the town trained with, and the
 * town's role in each partnership. The packet prints "None" when the list is empty.
 */
import { deletePartner, newId, putPartner } from '../../db/repositories';
import type { AppDB } from '../../db/schema';
import { partnerSchema } from '../../../shared/domain/schema';
import type { Partner } from '../../../shared/domain/schema';
import { EmptyState } from '../components/EmptyState';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { ActionsHeader, RowActions } from '../components/RowActions';
import { focusElementFor, useFocusTarget } from '../lib/useFocusTarget';
import type { FormErrors } from '../lib/formErrors';
import { problemsSummary, useForm } from '../lib/useForm';
import { useDeleteWithUndo } from '../lib/useDeleteWithUndo';
import { notify, useUi } from '../store/ui';
import type { ScreenProps } from './types';

const kindLabels: Record<Partner['kind'], string> = {
  municipality: 'Municipality',
  organization: 'Organization',
};

export function PartnersScreen({ data, db }: ScreenProps) {
  const dialog = useUi((s) => s.dialog);
  const openDialog = useUi((s) => s.openDialog);
  const closeDialog = useUi((s) => s.closeDialog);
  const del = useDeleteWithUndo(db);

  useFocusTarget('partners', (target) => {
    if (target.recordId !== undefined && data.partners.some((p) => p.id === target.recordId)) {
      openDialog({ kind: 'partner', recordId: target.recordId });
    } else if (!focusElementFor(target)) {
      document.getElementById('add-partner')?.focus();
    }
  });

  const editing =
    dialog?.kind === 'partner'
      ? dialog.recordId
        ? data.partners.find((p) => p.id === dialog.recordId)
        : null
      : undefined;

  return (
    <div className="page">
      <PageHeader
        title="Partners"
        lead="Other municipalities or organizations your town trained with, and what your town did in each partnership."
        actions={
          <button
            id="add-partner"
            type="button"
            className="btn btn-primary"
            onClick={() => openDialog({ kind: 'partner' })}
          >
            Add partner
          </button>
        }
      />
      <p className="notice">
        Partners are optional. If you list none, the packet prints <strong>“None”</strong> under Partners.
      </p>
      {data.partners.length === 0 ? (
        <EmptyState
          title="No partners yet"
          action={
            <button type="button" className="btn" onClick={() => openDialog({ kind: 'partner' })}>
              Add the first partner
            </button>
          }
        >
          <p>Add a partner if your town took a training together with another town or an organization.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Partners</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Municipality or organization</th>
                <th scope="col">Your municipality’s role</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {data.partners.map((p) => (
                <tr key={p.id} data-record-id={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{kindLabels[p.kind]}</td>
                  <td>{p.role || <span className="muted">Not described yet</span>}</td>
                  <RowActions
                    name={p.name}
                    onEdit={() => openDialog({ kind: 'partner', recordId: p.id })}
                    onDelete={() =>
                      del.ask({
                        title: `Delete ${p.name}?`,
                        message: (
                          <p>
                            {p.name} will be removed from the partners list. You can undo this right after.
                          </p>
                        ),
                        confirmLabel: 'Delete partner',
                        run: () => deletePartner(db, p.id),
                        done: `${p.name} deleted.`,
                      })
                    }
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing !== undefined ? (
        <PartnerDialog key={editing?.id ?? 'new'} db={db} partner={editing} onClose={closeDialog} />
      ) : null}
      {del.dialog}
    </div>
  );
}

/** Plain words for a kind not chosen yet, instead of the schema's "Must be one of …". */
function friendlier(errors: FormErrors): FormErrors {
  return errors.kind === undefined
    ? errors
    : { ...errors, kind: 'Choose whether the partner is a municipality or an organization' };
}

function PartnerDialog({
  db,
  partner,
  onClose,
}: {
  db: AppDB;
  partner: Partner | null;
  onClose: () => void;
}) {
  // A new partner's kind starts unchosen: a default would file a library or a council of
  // governments as a municipality without the clerk ever deciding it.
  const form = useForm(
    partnerSchema,
    partner ?? { id: newId(), name: '', kind: '' as unknown as Partner['kind'], role: '' },
  );
  const { draft } = form;
  const errors = friendlier(form.errors);
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;

  const save = async () => {
    const ok = await form.submit((p) => putPartner(db, p));
    if (ok) {
      onClose();
      notify({ kind: 'success', text: `${draft.name.trim()} saved.` });
    }
  };

  return (
    <FormDialog
      title={partner ? `Edit ${partner.name}` : 'Add a partner'}
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel="Save partner"
      summary={summary}
    >
      <TextField
        label="Name"
        name="name"
        value={draft.name}
        onChange={(v) => form.set('name', v)}
        error={errors.name}
        required
      />
      <SelectField
        label="Municipality or organization?"
        name="kind"
        value={draft.kind}
        placeholder="Choose one…"
        onChange={(v) => form.set('kind', v as Partner['kind'])}
        options={[
          { value: 'municipality', label: 'Municipality' },
          { value: 'organization', label: 'Organization' },
        ]}
        error={errors.kind}
        required
      />
      <TextAreaField
        label="Your municipality’s role"
        name="role"
        hint="One or two sentences, e.g. “Co-hosted the March session at our library and invited their staff.”"
        value={draft.role ?? ''}
        onChange={(v) => form.set('role', v)}
        error={errors.role}
        required={false}
      />
      {errors[''] ? <p className="error">{errors['']}</p> : null}
    </FormDialog>
  );
}
