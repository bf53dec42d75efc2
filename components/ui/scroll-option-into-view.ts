/**
 * Scrolls a picker's highlighted option into its list's view when it is outside it: only the
 * list scrolls, never the page. Downshift's own default does the same through
 * compute-scroll-into-view (1.4 KB gz), which next.config.js leaves out of the bundle.
 */
export function scrollOptionIntoView(option: HTMLElement | null, list: HTMLElement): void {
  if (!option) return;
  const box = option.getBoundingClientRect();
  const top = list.getBoundingClientRect().top + list.clientTop;
  const bottom = top + list.clientHeight;
  if (box.top < top) list.scrollTop -= top - box.top;
  else if (box.bottom > bottom) list.scrollTop += box.bottom - bottom;
}
