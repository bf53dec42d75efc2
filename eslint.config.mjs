import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The import direction (STYLE.md): app -> components -> lib, never back; components/ui
    // imports no feature code; lib/vcenter speaks vCenter and imports no other lib/ folder
    // but lib/schemas (its tests and their simulator helper may start a simulator).
    ignores: ["lib/vcenter/**/*.test.ts", "lib/vcenter/test-runtime.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./components", from: "./app", message: "components/ must not import app/" },
            { target: "./lib", from: "./app", message: "lib/ must not import app/" },
            { target: "./lib", from: "./components", message: "lib/ must not import components/" },
            {
              target: "./components/ui",
              from: "./components",
              except: ["./ui"],
              message: "components/ui holds primitives: no feature components",
            },
            {
              target: "./lib/vcenter",
              from: "./lib",
              except: ["./vcenter", "./schemas"],
              message: "lib/vcenter imports no other lib/ folder but lib/schemas",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures hand their value to `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "e2e/.results/**",
    "next-env.d.ts",
  ]),
]);
