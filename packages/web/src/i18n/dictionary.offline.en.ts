import type { offlineVi } from './dictionary.offline.vi';

export const offlineEn: Record<keyof typeof offlineVi, string> = {
  'offline.banner':
    'No network. Your households still open and can be recorded; changes are sent when it returns.',
  'offline.bannerWaiting': 'No network. {n} changes wait to be sent; they go as soon as the network returns.',
  'offline.sending': 'Sending {n} changes to the server…',
  'offline.needsReview': '{n} changes could not be sent and need you to look at them.',
  'offline.openOutbox': 'See waiting changes',
  'offline.backOnline': 'Back online.',
  'offline.notOnPhone':
    'This part is not kept on the phone. It loads when the network returns; your own households always open.',
  'offline.queuedSaved': 'Saved on the phone. It will be sent when the network returns.',
  'offline.householdWaiting': '{n} changes to this household wait to be sent to the server.',
  'offline.needsNetwork': 'This needs the network. Try again when the phone is online.',
  'offline.signOutTitle': 'Sign out and delete unsent changes?',
  'offline.signOutUnsent':
    'This phone still holds {n} changes not sent to the server. Signing out deletes them from the phone for good. To keep them, press Cancel and wait for the network.',
  'offline.signOutConfirm': 'Sign out and delete',
  'outbox.title': 'Waiting changes',
  'outbox.intro':
    'What you record without a network stays here until the server takes it. A refused change, or one that clashes with someone else’s, needs your decision.',
  'outbox.empty': 'No changes are waiting.',
  'outbox.kind.visit': 'Visit',
  'outbox.kind.helpAction': 'Help action',
  'outbox.kind.helpActionResult': 'Help action result',
  'outbox.kind.petition': 'New petition',
  'outbox.kind.householdEdit': 'Household book edit',
  'outbox.kind.reportDraft': 'Monthly report draft',
  'outbox.state.waiting': 'Waiting to send',
  'outbox.state.refused': 'Refused',
  'outbox.state.conflict': 'Clashes with another change',
  'outbox.madeAt': 'Made at {time}',
  'outbox.reason': 'Reason: {reason}',
  'outbox.sendNow': 'Send now',
  'outbox.retry': 'Send again',
  'outbox.discard': 'Discard this change',
  'outbox.discardTitle': 'Discard this change?',
  'outbox.discardText': 'This unsent change is deleted from the phone and cannot be recovered.',
  'outbox.discardConfirm': 'Discard change',
  'outbox.discarded': 'Change discarded.',
  'outbox.sent': '{n} changes sent.',
  'outbox.conflictIntro':
    'While you were editing, someone else changed the same items. Choose which value to keep for each, then send.',
  'outbox.field': 'Item',
  'outbox.mine': 'Yours',
  'outbox.theirs': 'On the server',
  'outbox.changedBy': 'changed by {who} at {time}',
  'outbox.resolve': 'Send my choice',
  'outbox.resolved': 'Your choice was sent.',
  'routeError.title': 'This page could not open',
  'routeError.offline':
    'The phone is offline and this page has never been loaded. When the network is back, press "Try again".',
  'routeError.failed':
    'Something went wrong opening this page. Press "Try again"; if it keeps failing, tell your administrator.',
  'routeError.retry': 'Try again',
  'routeError.home': 'Go to the home page',
};
