/**
 * Town: the town's details, the packet's "prepared by", rolling-credit
 * narratives, program settings, certification history, coaching, Optimize for
 * Equity, sharing between computers (with its Conflicts list), and the "Your data"
 * panel (backups and storage).
 */
import { municipalityHeading } from '../../../shared/domain/labels';
import { PageHeader } from '../components/PageHeader';
import { focusElementFor, useFocusTarget } from '../lib/useFocusTarget';
import { Certifications } from './town/Certifications';
import { Coaching } from './town/Coaching';
import { Optimize } from './town/Optimize';
import { ProgramSettings } from './town/ProgramSettings';
import { Sharing } from './town/Sharing';
import { Narratives } from './town/Narratives';
import { TownDetails } from './town/TownDetails';
import { YourData } from './town/YourData';
import type { ScreenProps } from './types';

const sections: [string, string][] = [
  ['town-details-title', 'Town details'],
  ['narratives-title', 'Narratives'],
  ['certs-title', 'Certification history'],
  ['coaching-title', 'Coaching'],
  ['optimize-title', 'Optimize for Equity'],
  ['settings-title', 'Program settings'],
  ['sharing-title', 'Sharing between computers'],
  ['your-data-title', 'Your data (backups)'],
];

export function TownScreen({ data, evaluation, db }: ScreenProps) {
  useFocusTarget('town', (target) => {
    focusElementFor(target);
  });

  // Keyed by the stored record so a restore or an edit elsewhere resets the form to what is stored.
  // Not by the narratives: they save as they are typed, which must not reset the details form.
  const { rollingNarrative: _narratives, ...details } = data.town;
  const townKey = JSON.stringify(details);
  const settingsKey = JSON.stringify(data.settings);

  return (
    <div className="page">
      <PageHeader
        title={municipalityHeading(data.town) || 'Your town'}
        lead={`Details for the ${data.town.certificationYear} application of “${data.settings.actionName}” (action ${data.settings.actionNumber}), and your town’s history with Sustainable CT.`}
      />
      <nav className="page-toc" aria-label="On this page">
        <ul>
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <TownDetails key={`d${townKey}`} db={db} town={data.town} />
      <Narratives db={db} town={data.town} evaluation={evaluation} />
      <Certifications db={db} data={data} />
      <Coaching db={db} data={data} evaluation={evaluation} />
      <Optimize db={db} data={data} evaluation={evaluation} />
      <ProgramSettings key={settingsKey} db={db} settings={data.settings} />
      <Sharing db={db} />
      <YourData db={db} townName={data.town.name} />
    </div>
  );
}
