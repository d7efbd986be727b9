import { rosterSchemas, type RosterOutputs } from '../../../contracts/roster';
import { buildMyData } from '../../identity/sheets';
import { action } from '../../runtime/dispatch';
import { collectMyData } from '../../identity';

/**
 * 我的数据 as an Excel workbook. A `roster` action of the contract, served by the `sheets` function
 * like every Excel action, so that `identity`, called at every app start, bundles no exceljs.
 */
export const exportMyData = action(rosterSchemas.exportMyData, async (ctx): Promise<RosterOutputs['exportMyData']> => {
  const data = await collectMyData(ctx);
  const name = `我的数据-${data.member?.name ?? data.declarations.at(-1)?.name ?? '访客'}.xlsx`;
  const { fileID, url } = await ctx.files.publish(name, await buildMyData(data));
  return { fileID, url, name };
});
