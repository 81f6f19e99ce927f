// Full screen for the session player, asked for on the tap that starts or
// resumes a session (browsers only allow it from a user gesture), and left
// when the session ends. Refusals are fine: the player works either way.
export function enterFullscreen(): void {
  if (document.fullscreenElement || !document.documentElement.requestFullscreen) return;
  document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}
