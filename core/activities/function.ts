import { defineFunction } from '../runtime/dispatch';
import { checkin, code, myCode, scanMember } from './actions/checkin';
import { close, closeDue, closePreview } from './actions/close';
import { manualCheckin, undoCheckin } from './actions/corrections';
import { leaves, requestLeave, reviewLeave, withdrawLeave } from './actions/leave';
import { cancel, create, get, list, mine, update } from './actions/manage';
import { attendance, live } from './actions/report';
import { remind } from './actions/remind';
import { cadence } from './actions/cadence';
import { record, saveRecord } from './actions/record';

/** The `activity` cloud function: activities, rotating-code sign-in, leave, closing and attendance. */
export const activityFunction = defineFunction('activity', {
  create,
  update,
  cancel,
  list,
  mine,
  get,
  code,
  checkin,
  scanMember,
  myCode,
  manualCheckin,
  undoCheckin,
  requestLeave,
  withdrawLeave,
  reviewLeave,
  leaves,
  close,
  closePreview,
  closeDue,
  attendance,
  live,
  remind,
  cadence,
  record,
  saveRecord,
});
