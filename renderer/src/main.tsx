import { createRoot } from 'react-dom/client';
import { townDataSchema } from '../../shared/domain/schema';

const root = document.getElementById('root');
if (root) createRoot(root).render(<p>{townDataSchema.shape.town.def.type}</p>);
