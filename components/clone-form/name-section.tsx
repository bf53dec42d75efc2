"use client";

import { useWatch } from "react-hook-form";

import { NAME_MAX_LENGTH } from "@/lib/schemas/instant-clone";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

import { fieldId, useCloneFormContext, useFieldError } from "./form-context";

export function NameSection() {
  const { register, control } = useCloneFormContext();
  const name = useWatch({ control, name: "name" });
  const error = useFieldError("name");
  return (
    <Card title="New VM">
      <Field
        id={fieldId("name")}
        label="Name"
        description="The new VM's name; it must be unique in the target folder."
        aside={`${name.length}/${NAME_MAX_LENGTH}`}
        error={error}
      >
        {(aria) => <Input {...aria} {...register("name")} autoComplete="off" spellCheck={false} />}
      </Field>
    </Card>
  );
}
