import { builder } from '../builder.ts';
import './member.ts';
import './office.ts';
import './organization.ts';

/** The executable schema: importing the domain files registers their types on the builder. */
export const schema = builder.toSchema({ sortSchema: true });
