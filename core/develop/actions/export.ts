import { developSchemas, type DevelopOutputs } from '../../../contracts/develop';
import { action } from '../../runtime/dispatch';
import { buildPipelineSheet } from '../pipeline-sheet';
import { loadPipeline } from './pipeline';

/** The committee's pipeline as a printable workbook: an action of the `sheets` function, with `pipeline`'s checks and figures. */
export const exportPipeline = action(
  developSchemas.exportPipeline,
  async (ctx, input): Promise<DevelopOutputs['exportPipeline']> => {
    const detail = await loadPipeline(ctx, input.committeeId);
    const content = await buildPipelineSheet(detail, ctx.clock());
    const name = `${detail.committee.name} 发展党员情况.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);
