import { useId } from "react";

import { type OperationState, operationStates } from "@/lib/schemas/operation";
import { Select } from "@/components/ui/select";

import { outcomeLabels } from "./outcome-badge";

const options = [
  { value: "", label: "Every outcome" },
  ...operationStates.map((state) => ({ value: state, label: outcomeLabels[state] })),
];

/** Shows only the submissions with one outcome. */
export function HistoryFilter({
  outcome,
  onChange,
}: {
  outcome?: OperationState;
  onChange: (outcome?: OperationState) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium">
        Outcome
      </label>
      <Select
        id={id}
        options={options}
        value={outcome ?? ""}
        onChange={(event) =>
          onChange(operationStates.find((state) => state === event.target.value))
        }
        className="w-44"
      />
    </div>
  );
}
