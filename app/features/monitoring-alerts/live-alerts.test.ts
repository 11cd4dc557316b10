import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { AlertEventView } from "../../../common/schemas/monitoring-alerts";
import { liveAlertsQuery, rememberLiveAlert } from "./live-alerts";

const alert = (id: string): AlertEventView => ({ id, title: `alert ${id}` }) as AlertEventView;

describe("live alerts cache", () => {
  it("keeps the newest first, once each, at most 50", () => {
    const client = new QueryClient();
    rememberLiveAlert(client, alert("a"));
    rememberLiveAlert(client, alert("b"));
    rememberLiveAlert(client, alert("a"));
    expect(client.getQueryData(liveAlertsQuery.queryKey)?.map((a) => a.id)).toEqual(["a", "b"]);
    for (let i = 0; i < 60; i++) rememberLiveAlert(client, alert(`n${i}`));
    const kept = client.getQueryData(liveAlertsQuery.queryKey) ?? [];
    expect(kept).toHaveLength(50);
    expect(kept[0]?.id).toBe("n59");
  });

  it("survives the alerts page observing it and an acknowledge invalidating every alerts query", async () => {
    const client = new QueryClient();
    const observer = new QueryObserver(client, liveAlertsQuery);
    const seen: string[][] = [];
    const unsubscribe = observer.subscribe((r) => seen.push((r.data ?? []).map((a) => a.id)));
    rememberLiveAlert(client, alert("a"));
    await client.invalidateQueries({ queryKey: ["alerts"] });
    await client.refetchQueries({ queryKey: ["alerts"], type: "active" });
    expect(observer.getCurrentResult().data?.map((a) => a.id)).toEqual(["a"]);
    expect(observer.getCurrentResult().fetchStatus).toBe("idle");
    expect(seen.at(-1)).toEqual(["a"]);
    unsubscribe();
  });
});
