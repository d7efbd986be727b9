import { taskSchemas, type TaskOutputs } from '../../../contracts/tasks';
import { action } from '../../runtime/dispatch';
import { buildTaskBoard } from '../task-sheet';
import { loadBoard } from './tasks';

/** The board as an Excel sheet: an action of the `sheets` function, over the same figures as `board`. */
export const exportBoard = action(taskSchemas.exportBoard, async (ctx, input): Promise<TaskOutputs['exportBoard']> => {
  const { tree, ...board } = await loadBoard(ctx, input.committeeId);
  const committee = tree.get(input.committeeId)?.name ?? '';
  const content = await buildTaskBoard({ committee, exportedAt: ctx.clock() }, board);
  const name = `${committee} 任务清单.xlsx`;
  const { fileID, url } = await ctx.files.publish(name, content);
  return { fileID, url, name };
});
