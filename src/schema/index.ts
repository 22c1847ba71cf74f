import { builder } from '../builder.ts';
import './booking-occurrence.ts';
import './booking.ts';
import './charge.ts';
import './checkin.ts';
import './contract.ts';
import './credit-account.ts';
import './fee.ts';
import './floor.ts';
import './issue.ts';
import './member.ts';
import './membership.ts';
import './office.ts';
import './organization.ts';
import './pass.ts';
import './payment.ts';
import './plan.ts';
import './rate.ts';
import './report.ts';
import './resource-type.ts';
import './resource.ts';
import './team.ts';
import './subscription.ts';
import './visit.ts';

/** The executable schema: importing the domain files registers their types on the builder. */
export const schema = builder.toSchema({ sortSchema: true });
