import {
  useCombobox as useDownshiftCombobox,
  type UseComboboxState,
  type UseComboboxStateChangeOptions,
} from "downshift";
import { useMemo, useState } from "react";

import type { ComboboxOption } from "./combobox-option";
import { scrollOptionIntoView } from "./scroll-option-into-view";

const MAX_RENDERED = 200;
const types = useDownshiftCombobox.stateChangeTypes;

type UsePickerArgs = {
  id: string;
  value: string;
  options: ComboboxOption[];
  selectedLabel?: string;
  onChange: (value: string) => void;
  onSearch?: (text: string) => void;
  /** A server search for the typed text is under way: show no (stale) options meanwhile. */
  searching?: boolean;
};

/**
 * Downshift's ARIA 1.2 combobox with the few rules that keep a form from misfiring: Enter picks
 * the highlighted option or does nothing (never a stale or missing one), leaving the field never
 * picks, and Escape never clears the value. While not typing, the box shows the chosen option.
 */
export function usePicker({
  id,
  value,
  options,
  selectedLabel,
  onChange,
  onSearch,
  searching,
}: UsePickerArgs) {
  // Whether the text in the box was typed since the list opened (else it is the chosen label).
  const [typing, setTyping] = useState(false);

  const chosenLabel = options.find((o) => o.value === value)?.label ?? selectedLabel;
  const selected = useMemo<ComboboxOption | null>(
    () => (value || chosenLabel !== undefined ? { value, label: chosenLabel ?? value } : null),
    [value, chosenLabel],
  );

  // Downshift owns the box's text. A controlled text would arrive a render late (downshift calls
  // its change handlers from an effect) and fast typing would lose keys.
  const [filterText, setFilterText] = useState("");
  const filter = typing ? filterText.trim().toLowerCase() : "";
  const matches = useMemo(() => {
    if (onSearch || !filter) return options;
    return options.filter((o) =>
      (o.match ?? `${o.label} ${o.hint ?? ""} ${o.value}`).toLowerCase().includes(filter),
    );
  }, [options, filter, onSearch]);
  const shown = useMemo(
    () => (searching ? [] : matches.slice(0, MAX_RENDERED)),
    [matches, searching],
  );

  const downshift = useDownshiftCombobox<ComboboxOption>({
    items: shown,
    itemToString: (option) => option?.label ?? "",
    // The label is part of the key, so a label that arrives later (a VM's name) is shown.
    itemToKey: (option) => (option ? `${option.value}\u0000${option.label}` : null),
    selectedItem: selected,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-listbox`,
    getItemId: (index) => `${id}-option-${index}`,
    stateReducer,
    scrollIntoView: scrollOptionIntoView,
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== types.InputChange) return;
      setTyping(true);
      setFilterText(inputValue ?? "");
      onSearch?.(inputValue ?? "");
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange(selectedItem.value);
    },
    onIsOpenChange: ({ isOpen }) => {
      if (isOpen) return;
      setTyping(false);
      onSearch?.("");
    },
  });

  const highlighted = shown[downshift.highlightedIndex];
  const text = typing ? downshift.inputValue : null;
  return { ...downshift, text, filter, matches, shown, highlighted };
}

function stateReducer(
  state: UseComboboxState<ComboboxOption>,
  { type, changes, props }: UseComboboxStateChangeOptions<ComboboxOption>,
): Partial<UseComboboxState<ComboboxOption>> {
  // Closing without a pick puts the chosen option's text back in the box.
  const keep = {
    selectedItem: state.selectedItem,
    inputValue: props.itemToString(state.selectedItem),
  };
  switch (type) {
    case types.InputKeyDownEnter:
      // Nothing highlighted, or the highlight points past the options now shown: do nothing.
      return props.items[state.highlightedIndex] ? changes : state;
    case types.InputBlur:
      return { ...changes, ...keep };
    case types.InputKeyDownEscape:
      return state.isOpen ? { ...changes, ...keep } : state;
    case types.MenuMouseLeave:
      // A pointer leaving the list (or the list shrinking under a resting pointer) must not take
      // away the keyboard's highlight: Enter would then do nothing.
      return { ...changes, highlightedIndex: state.highlightedIndex };
    case types.ControlledPropUpdatedSelectedItem:
      // The chosen option's label changing while the list is open ("Same as source" naming its
      // value once known) must not replace what is being typed; closing shows the new label.
      return state.isOpen ? { ...changes, inputValue: state.inputValue } : changes;
    case types.InputChange:
      // The first match is highlighted as one types (list autocomplete with automatic selection).
      return { ...changes, highlightedIndex: 0 };
    default:
      return changes;
  }
}
