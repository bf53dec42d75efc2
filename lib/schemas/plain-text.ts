// Characters a name typed by a person never needs, and that would make it read other than it is:
// C0 and C1 controls (U+0085 is a line break to some readers), DEL, the line and paragraph
// separators U+2028/U+2029, the bidirectional marks, embeddings, overrides and isolates (U+202E
// shows "exe.txt" as "txt.exe"), and the byte-order mark.
const HIDDEN_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
// Half of a UTF-16 pair without the other half: not a character at all, and not valid UTF-8
// once sent on to vCenter.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasNoHiddenCharacters = (value: string) => !HIDDEN_CHARACTERS.test(value);
export const hasNoLoneSurrogates = (value: string) => !LONE_SURROGATE.test(value);
