import { subscribe } from "../lib/domain-events";
import { recordPublicationEvidence } from "./work-logs/commands/publication-evidence";

/** Who reacts to which domain event; imported once by bootstrap. */
export function registerSubscriptions() {
  subscribe("content.released", recordPublicationEvidence);
}
