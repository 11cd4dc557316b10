import { type FakeGraph, type FakeGraphOptions, startFakeGraph } from "./graph";

/** A local Graph API answering for a Facebook Page (see graph.ts; Instagram shares the server). */
export function startFakeFacebook(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  return startFakeGraph(options);
}
