/**
 * What the platform does not draw itself. The mini-program has WeChat's own navigation bar (with
 * its back button) and tab bar, so there is nothing to add here; see index.h5.tsx for the browser.
 */
export default function PageChrome({ large: _large }: { large: boolean }) {
  return null
}
