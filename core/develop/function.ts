import { defineFunction } from '../runtime/dispatch';
import { board, close, extendProbation, get, recordStep, start } from './actions/files';
import { config, setSteps } from './actions/config';
import { pipeline } from './actions/pipeline';

/** The `develop` cloud function: 发展党员, each person's file through the 5 stages and their time rules. */
export const developFunction = defineFunction('develop', {
  start,
  recordStep,
  get,
  board,
  close,
  extendProbation,
  config,
  setSteps,
  pipeline,
});
