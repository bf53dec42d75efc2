import path from "node:path";

import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The import direction (STYLE.md) is held by eslint's import/no-restricted-paths: each row is
// an import in a file of one folder, linted as if it were there, and whether the rule lets it be.
const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, from: string): Promise<boolean> {
  const code = `import * as m from "${from}";\nexport const used = m;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.some((m) => m.ruleId === "import/no-restricted-paths");
}

describe("import direction", () => {
  it.each([
    ["lib/http/x.ts", "@/app/api/health/route", true],
    ["lib/http/x.ts", "@/components/error-stack/error-stack", true],
    ["components/clone-result.tsx", "@/app/providers", true],
    ["components/ui/x.tsx", "@/components/clone-result", true],
    ["lib/vcenter/x.ts", "@/lib/config/runtime", true],
    ["lib/vcenter/x.ts", "@/lib/http/console-error", true],
    ["lib/vcenter/x.ts", "@/lib/schemas/instant-clone", false],
    ["lib/vcenter/x.ts", "./errors", false],
    ["lib/vcenter/x.test.ts", "@/lib/simulator", false],
    ["lib/metrics/x.ts", "@/lib/vcenter/call-observers", false],
    ["components/clone-result.tsx", "@/components/ui/button", false],
    ["app/page.tsx", "@/components/clone-result", false],
  ])("%s importing %s is refused: %s", async (file, from, refused) => {
    expect(await restricted(file, from)).toBe(refused);
  });
});
