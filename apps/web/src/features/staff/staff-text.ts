// The staff app's words in the app's language (i18n/staff-en.ts, staff-es.ts). Only staff screens
// import this, so the staff catalogues travel in the staff chunks, not in a patient's first download.
import { useI18n } from '../../i18n/index.js';
import { staffEn, type StaffMessages } from '../../i18n/staff-en.js';
import { staffEs } from '../../i18n/staff-es.js';

export function useStaffText(): StaffMessages {
  return useI18n().locale === 'es' ? staffEs : staffEn;
}
