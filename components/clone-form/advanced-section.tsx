"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { randomUuid } from "@/components/ui/random-uuid";

import { fieldId, useCloneFormContext, useFieldError } from "./form-context";

export function AdvancedSection() {
  const { register, setValue } = useCloneFormContext();
  const error = useFieldError("bios_uuid");
  return (
    <Card title="Advanced">
      <Field
        id={fieldId("bios_uuid")}
        label="BIOS UUID"
        aside="optional"
        description="The clone's SMBIOS UUID, 8-4-4-4-12 hex digits. Empty: vCenter generates one."
        error={error}
      >
        {(aria) => (
          <div className="flex gap-2">
            <Input
              {...aria}
              {...register("bios_uuid")}
              placeholder="e.g. 12345678-abcd-1234-cdef-123456789abc"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
            <Button
              onClick={() =>
                setValue("bios_uuid", randomUuid(), { shouldDirty: true, shouldValidate: true })
              }
            >
              Generate
            </Button>
          </div>
        )}
      </Field>
    </Card>
  );
}
