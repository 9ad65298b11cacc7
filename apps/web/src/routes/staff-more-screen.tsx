// "More" for staff: the places that are not in the staff tab bar, and the language.
import { useSession } from '../features/identity/session.js';
import { MoreMenu } from './more-screen.js';
import { staffNavigation } from './staff-screens.js';

export default function StaffMoreScreen() {
  const { state } = useSession();
  return <MoreMenu items={state.status === 'signed-in' ? staffNavigation(state.session).secondary : []} />;
}
