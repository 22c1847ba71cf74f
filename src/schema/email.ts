import { GraphQLError } from 'graphql';
import { EmailAddressResolver } from 'graphql-scalars';

/**
 * An e-mail address from the wire, for an `EmailAddress` field: null when absent. OfficeRnD does not validate what
 * admins type, so a value the scalar would refuse becomes an UPSTREAM_INVALID_DATA error at the field (null there,
 * the rest of the answer stands) instead of breaking the response; the message leaves the value out (personal data).
 */
export function wireEmail(value: unknown, owner: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const address = typeof value === 'string' ? value.trim() : null;
  if (address !== null) {
    try {
      return EmailAddressResolver.serialize(address) as string;
    } catch {
      // Not an address: reported below.
    }
  }
  return invalid(owner);
}

function invalid(owner: string): never {
  throw new GraphQLError(`OfficeRnD holds an e-mail address for this ${owner} that is not valid; it is left out`, {
    extensions: { code: 'UPSTREAM_INVALID_DATA' },
  });
}
