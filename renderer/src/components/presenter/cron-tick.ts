// The C key presses the Jobs area's "next CronJob tick" button (time bar) when it is there and enabled: one
// behaviour, one place. Without CronJobs the button is absent, and so are the key and its line in the sheet.

export function cronTickButton(root: ParentNode = document): HTMLButtonElement | null {
  const button = root.querySelector<HTMLButtonElement>('[data-action="next-cronjob-tick"]');
  return button && !button.disabled ? button : null;
}
