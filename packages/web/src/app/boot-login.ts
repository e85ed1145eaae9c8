/**
 * What the member typed into the login form of index.html (public/boot-login.js)
 * before the app started. The app's own form replaces it and starts from these
 * values, so nothing typed on a slow line is lost.
 */
export interface BootLoginValues {
  username: string;
  password: string;
  /** The field the member was in, so typing goes on there. */
  focus: 'username' | 'password' | null;
}

let taken: BootLoginValues | null = null;

function inputValue(id: string): string {
  return (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
}

/** Read once, before React replaces the page's first contents. */
export function takeBootLogin(): Promise<void> {
  const active = document.activeElement?.id;
  taken = {
    username: inputValue('boot-username'),
    password: inputValue('boot-password'),
    focus: active === 'boot-username' ? 'username' : active === 'boot-password' ? 'password' : null,
  };
  // A sign-in sent from that form and still on its way: the app starts once it has its answer.
  const pending = (window as { __caunoiBootLogin?: Promise<boolean> }).__caunoiBootLogin;
  return pending ? pending.then(() => undefined) : Promise.resolve();
}

export function bootLoginValues(): BootLoginValues | null {
  return taken;
}

/** The hint the form reads to know whether to show itself; the session itself stays in its cookie. */
export function markSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem('caunoi.signedIn', '1');
    else localStorage.removeItem('caunoi.signedIn');
  } catch {
    // Private mode: the form shows on the login page only.
  }
}
