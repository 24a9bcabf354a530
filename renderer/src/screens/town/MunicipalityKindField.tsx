/** The kind of municipality (town, city, borough), chosen on first run and in Town details. */
import { municipalityHeading, municipalityKindLabels } from '../../../../shared/domain/labels';
import type { MunicipalityKind } from '../../../../shared/domain/labels';
import { SelectField } from '../../components/Field';

const kindOptions = (Object.keys(municipalityKindLabels) as MunicipalityKind[]).map((k) => ({
  value: k,
  label: municipalityKindLabels[k],
}));

/**
 * Town, city or borough: the word headings put before the name. The hint shows the heading it
 * gives, so a name typed as "Town of Willowbrook" is seen to stay as typed.
 */
export function MunicipalityKindField({
  name,
  kind,
  onChange,
  error,
}: {
  name: string;
  kind: MunicipalityKind;
  onChange: (kind: MunicipalityKind) => void;
  error?: string | undefined;
}) {
  const heading = municipalityHeading({ name, municipalityKind: kind });
  return (
    <SelectField
      label="Kind of municipality"
      name="municipalityKind"
      hint={heading ? `Headings will read “${heading}”.` : 'Headings read, for example, “City of Norwalk”.'}
      value={kind}
      onChange={(v) => onChange(v as MunicipalityKind)}
      options={kindOptions}
      error={error}
    />
  );
}
