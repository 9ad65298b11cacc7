// EHR launch from the staff app (SMART App Launch 2.2 §"EHR launch"): the server makes a one-time
// launch handle for this patient (and visit) and answers the app's launch URL with `iss` and
// `launch`; it opens in a new browsing context with no handle back to the portal (noopener) and no
// Referer, so the app learns nothing but what the launch gives it.
import { startLaunch } from '../../fhir-client/staff.js';

export async function launchApp(clientId: string, patientId: string, encounterId: string | undefined): Promise<string> {
  const { launchUrl } = await startLaunch({ clientId, patientId, ...(encounterId ? { encounterId } : {}) });
  window.open(launchUrl, '_blank', 'noopener,noreferrer');
  return launchUrl;
}
