import { type FakeGraph, type FakeGraphOptions, startFakeGraph } from "./graph";

/** A local Graph API answering for an Instagram professional account (see graph.ts). */
export function startFakeInstagram(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  return startFakeGraph(options);
}
