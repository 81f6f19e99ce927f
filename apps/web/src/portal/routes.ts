// The portal's own hash routes, under #/portal: the client list, one
// client's detail, the protocols, invitations and the audit log.
export type PortalView =
  | { name: 'clients' }
  | { name: 'client'; clientId: string }
  | { name: 'invitations' }
  | { name: 'protocols' }
  | { name: 'audit' };

export function portalViewOf(rest: string): PortalView {
  if (rest === '/invitations') return { name: 'invitations' };
  if (rest === '/audit') return { name: 'audit' };
  if (rest === '/protocols') return { name: 'protocols' };
  const client = /^\/clients\/([0-9a-fA-F-]{36})$/.exec(rest);
  if (client?.[1]) return { name: 'client', clientId: client[1] };
  return { name: 'clients' };
}

export function portalHref(view: PortalView): string {
  switch (view.name) {
    case 'clients':
      return '#/portal';
    case 'client':
      return `#/portal/clients/${view.clientId}`;
    default:
      return `#/portal/${view.name}`;
  }
}
