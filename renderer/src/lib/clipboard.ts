/**
 * Copies text to the clipboard, offline, in Electron and in a browser.
 *
 * Why two ways: `navigator.clipboard.writeText` needs a secure context and, in
 * Electron, a permission our hardened session refuses (no permission grants).
 * The fallback copies from a hidden, selected textarea with
 * `document.execCommand('copy')`, which needs only the click that called us.
 * Neither touches the network.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permission or focus): fall back below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  } finally {
    area.remove();
    focused?.focus();
  }
  return ok;
}
