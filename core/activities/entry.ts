import type { CheckinEntry } from '../../contracts/activity';
import { CAMERA_SCAN_SCENES } from '../../contracts/labels/activity';

/**
 * Whether a member's own sign-in may count, from how the page was reached. A code relayed as a
 * screenshot, an album image or a shared card reaches WeChat in scenes other than a camera scan;
 * the mini-program's own scanner accepts the camera only. A browser (the local host) reports
 * nothing and is accepted: it cannot tell. What the client reports is kept with the sign-in.
 */
export function entryAccepted(entry: CheckinEntry | undefined): boolean {
  if (!entry || entry.via === 'scan') return true;
  return (CAMERA_SCAN_SCENES as readonly number[]).includes(entry.scene);
}
