import type { ReactNode } from "react";

import { cn } from "./cn";

/** What a control inside a Field must spread: its id and the links to its help and error text. */
export type FieldControlProps = {
  id: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  /** e.g. "optional" or a character count, drawn beside the label */
  aside?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

type FieldTextsProps = { id: string; description?: ReactNode; error?: string };

const descriptionId = (id: string) => `${id}-description`;
const errorId = (id: string) => `${id}-error`;

/** The control's id, its invalid flag and its links to whichever of the two texts are shown. */
function controlProps({ id, description, error }: FieldTextsProps): FieldControlProps {
  const describedBy = [!!description && descriptionId(id), !!error && errorId(id)].filter(Boolean);
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy.join(" ") || undefined,
  };
}

/** The description and the error under a control, with the ids controlProps links to. */
function FieldTexts({ id, description, error }: FieldTextsProps) {
  return (
    <>
      {description && (
        <p id={descriptionId(id)} className="text-fg-muted text-xs">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId(id)} role="alert" className="text-danger text-sm font-medium">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * Label, control, description and error in one place. The error has role="alert" so it is
 * announced, and the control points at both texts with aria-describedby.
 */
export function Field({ id, label, description, error, aside, className, children }: FieldProps) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {aside && <span className="text-fg-muted text-xs">{aside}</span>}
      </div>
      {children(controlProps({ id, description, error }))}
      <FieldTexts id={id} description={description} error={error} />
    </div>
  );
}

type CheckboxFieldProps = {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  /** Draw it as an on/off switch (role="switch"). */
  asSwitch?: boolean;
  className?: string;
  control: (control: FieldControlProps & { role?: "switch"; type: "checkbox" }) => ReactNode;
};

/** A checkbox (or switch) with its label to the right, as people expect to click it. */
export function CheckboxField({
  id,
  label,
  description,
  error,
  asSwitch,
  className,
  control,
}: CheckboxFieldProps) {
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <div className="flex h-5 items-center">
        {control({
          ...controlProps({ id, description, error }),
          type: "checkbox",
          role: asSwitch ? "switch" : undefined,
        })}
      </div>
      <div className="space-y-1">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <FieldTexts id={id} description={description} error={error} />
      </div>
    </div>
  );
}

/** The checkbox input styled for CheckboxField. */
export const checkboxClass = "size-4 rounded border-line-strong accent-[var(--color-accent)]";
