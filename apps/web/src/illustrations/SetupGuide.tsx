// SetupGuide: how to get into position for a protocol, shown by the session
// player while the coach opens the session. Ankle squeezes and bridges have a
// drawn figure; every protocol has its setup steps as text, in order, and
// what is needed. Words come from the protocol and messages.ts.
import type { Protocol } from '@glutewake/core';
import { messages } from '../messages.js';
import { BridgeFigure } from './BridgeFigure.js';
import { ProneFigure } from './ProneFigure.js';
import './body-map.css';

const t = messages.session;

function Figure({ protocol }: { protocol: Protocol }) {
  if (protocol.id === 'prone-ankle-squeeze') {
    return (
      <ProneFigure
        highlight="inner-heel"
        title={messages.firstRun.setupFigure}
        calloutLabel={messages.firstRun.figureCallout}
        inset={false}
      />
    );
  }
  if (protocol.id === 'glute-bridge') return <BridgeFigure title={t.bridgeFigure} />;
  return null;
}

/** `withEquipment` adds what is needed (worth saying before a session, not during one). */
export function SetupGuide({
  protocol,
  withEquipment = false,
}: {
  protocol: Protocol;
  withEquipment?: boolean;
}) {
  return (
    <section class="card gw-setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t.getReady}</h2>
      <Figure protocol={protocol} />
      <ol class="setup-steps">
        {protocol.setup.map((step) => (
          <li key={step.id}>{step.text}</li>
        ))}
      </ol>
      {withEquipment && protocol.equipment.length > 0 && (
        <p class="hint">{t.youNeed(protocol.equipment)}</p>
      )}
    </section>
  );
}
