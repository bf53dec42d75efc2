"use client";

import { CheckboxField, checkboxClass, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

import { type CloneFormPath, fieldId, useCloneFormContext, useFieldError } from "./form-context";

type PortPath = `serial_ports.${number}` | `parallel_ports.${number}`;

function TextField({
  name,
  label,
  description,
  placeholder,
  aside,
}: {
  name: CloneFormPath;
  label: string;
  description?: string;
  placeholder?: string;
  aside?: string;
}) {
  const { register } = useCloneFormContext();
  const error = useFieldError(name);
  return (
    <Field id={fieldId(name)} label={label} description={description} error={error} aside={aside}>
      {(aria) => (
        <Input
          {...aria}
          {...register(name)}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
}

/** Exactly the fields the chosen backing type needs, nothing else. */
export function PortBackingFields({ path, type }: { path: PortPath; type: string }) {
  const { register } = useCloneFormContext();
  // Pipe and network backings exist only for serial ports.
  const serial = `serial_ports.${Number(path.split(".")[1])}` as const;
  switch (type) {
    case "FILE":
      return (
        <TextField
          name={`${path}.file`}
          label="File"
          description="A datastore path the host writes the port's output to."
          placeholder="e.g. [datastore1] clone/serial.log"
        />
      );
    case "HOST_DEVICE":
      return (
        <TextField
          name={`${path}.host_device`}
          label="Host device"
          aside="optional"
          description="Empty: vCenter auto-detects the host's device."
          placeholder="e.g. /dev/ttyS0"
        />
      );
    case "PIPE_SERVER":
    case "PIPE_CLIENT":
      return (
        <div className="space-y-3">
          <TextField
            name={`${serial}.pipe`}
            label="Pipe"
            placeholder="e.g. \\.\pipe\clone-serial"
          />
          <CheckboxField
            id={fieldId(`${serial}.no_rx_loss`)}
            label="No RX loss"
            description="Optimise the pipe for reliable transfer instead of speed."
            control={(props) => (
              <input {...props} {...register(`${serial}.no_rx_loss`)} className={checkboxClass} />
            )}
          />
        </div>
      );
    case "NETWORK_SERVER":
    case "NETWORK_CLIENT":
      return (
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            name={`${serial}.network_location`}
            label="Network location"
            description="A URI, e.g. tcp://10.0.0.5:7000 or telnet://:23."
            placeholder="e.g. tcp://10.0.0.5:7000"
          />
          <TextField
            name={`${serial}.proxy`}
            label="Proxy"
            aside="optional"
            description="A virtual serial port concentrator's URI."
            placeholder="e.g. telnets://vspc.example:13370"
          />
        </div>
      );
    default:
      return null;
  }
}
