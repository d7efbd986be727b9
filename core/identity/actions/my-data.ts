import { DECLARATION_CONSENT } from '../../../contracts/consent';
import { identitySchemas, type IdentityOutputs } from '../../../contracts/identity';
import { action } from '../../runtime/dispatch';
import { requireOpenid } from '../../shared/caller';
import { collectMyData } from '../my-data';

export const consentNotice = action(
  identitySchemas.consentNotice,
  async (ctx): Promise<IdentityOutputs['consentNotice']> => {
    requireOpenid(ctx);
    return DECLARATION_CONSENT;
  },
);

export const myData = action(identitySchemas.myData, async (ctx) => collectMyData(ctx));
