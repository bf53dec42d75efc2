import { readFileSync } from "node:fs";
import path from "node:path";

import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

// The official vCenter specs, as JSON Schema validators for each operation's responses. Swagger 2
// schemas refer to "#/definitions/…"; each spec's definitions become one Ajv schema with an $id,
// and response schemas are pointed at it.

const SPEC_DIR = path.resolve(__dirname, "../../../shared/vsphere-api");
const SPECS = [
  "vcenter-7.0.3.swagger2.json",
  "session-8.0.2.swagger2.json",
  "cis-7.0.3.swagger2.json",
];

interface Operation {
  responses?: Record<string, { schema?: object }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, object>;
}

export class SpecValidator {
  readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly specs: { id: string; spec: Spec }[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    for (const format of ["int64", "int32", "double", "float", "password", "binary", "byte"])
      this.ajv.addFormat(format, true);
    for (const file of SPECS) {
      const spec = JSON.parse(readFileSync(path.join(SPEC_DIR, file), "utf8")) as Spec;
      this.ajv.addSchema({ $id: file, definitions: spec.definitions });
      this.specs.push({ id: file, spec });
    }
  }

  private rebase(schema: object, id: string): object {
    return JSON.parse(
      JSON.stringify(schema).replaceAll('"#/definitions/', `"${id}#/definitions/`),
    ) as object;
  }

  /** The declared response schema; null when the status is declared without a body (204). */
  responseSchema(method: string, template: string, status: number): object | null {
    for (const { id, spec } of this.specs) {
      const response = spec.paths[template]?.[method.toLowerCase()]?.responses?.[String(status)];
      if (response) return response.schema ? this.rebase(response.schema, id) : null;
    }
    throw new Error(`no spec declares ${method} ${template} → ${status}`);
  }

  /** A validator for any definition, e.g. "VcenterVMInfo" of the vcenter spec. */
  definition(name: string, spec = SPECS[0]): ValidateFunction {
    return this.ajv.compile({ $ref: `${spec}#/definitions/${name}` });
  }

  /** Ajv's complaints about a response body, or [] when it conforms. */
  check(method: string, template: string, status: number, body: unknown): string[] {
    const key = `${method} ${template} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const schema = this.responseSchema(method, template, status);
      if (schema === null) return body === undefined ? [] : [`${key} declares no body`];
      validate = this.ajv.compile(schema);
      this.cache.set(key, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  }
}
