import { subscribe } from "../lib/domain-events";
import { forgetErasedRecipient } from "./distribution/commands/forget-erased-recipient";
import { recordEventAttendance, recordLateAttendance } from "./media-relations/commands/event-interactions";
import { notifyJournalistSubscribers } from "./media-room/commands/notify-subscribers";
import { queueMentionsForAlerts } from "./monitoring/alerts/mentions-subscriber";
import { recordCoverageFromPickups } from "./press-events/commands/coverage-from-pickups";
import { forgetErasedGuest } from "./press-events/commands/forget-erased-guest";
import { recordPressEventEvidence } from "./work-logs/commands/press-event-evidence";
import { recordPublicationEvidence } from "./work-logs/commands/publication-evidence";

/** Who reacts to which domain event; imported once by bootstrap. */
export function registerSubscriptions() {
  subscribe("content.released", recordPublicationEvidence);
  subscribe("content.released", notifyJournalistSubscribers);
  subscribe("pressEvent.held", recordPressEventEvidence);
  subscribe("pressEvent.held", recordEventAttendance);
  subscribe("pressEvent.attended", recordLateAttendance);
  subscribe("monitoring.mentions", queueMentionsForAlerts);
  subscribe("monitoring.pickups", recordCoverageFromPickups);
  subscribe("journalist.erased", forgetErasedRecipient);
  subscribe("journalist.erased", forgetErasedGuest);
}
