import { describe, expect, it } from "vitest";
import { appPath } from "./app-path";

describe("appPath", () => {
  it("strips the app's base path the router adds itself", () => {
    expect(appPath("/app/content/01a2016c-8389-7599-b179-2badbeac23ef")).toBe("/content/01a2016c-8389-7599-b179-2badbeac23ef");
    expect(appPath("/app/channels")).toBe("/channels");
    expect(appPath("/app")).toBe("/");
    expect(appPath("/content/x")).toBe("/content/x");
    expect(appPath("/application-form")).toBe("/application-form");
  });

  it("never follows a link off the app", () => {
    expect(appPath("https://evil.example/app")).toBeNull();
    expect(appPath("//evil.example/app")).toBeNull();
  });
});
