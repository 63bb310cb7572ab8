package io.microplatform.saga.definition;

/** Every command the orchestrator can send, with the participant that carries it out. */
public enum SagaCommand {
    RESERVE_STOCK(Participant.INVENTORY),
    RELEASE_STOCK(Participant.INVENTORY),
    CHARGE_PAYMENT(Participant.PAYMENT),
    REFUND_PAYMENT(Participant.PAYMENT),
    CREATE_SHIPMENT(Participant.SHIPPING),
    CANCEL_SHIPMENT(Participant.SHIPPING),
    CONFIRM_ORDER(Participant.ORDER),
    CANCEL_ORDER(Participant.ORDER);

    private final Participant participant;

    SagaCommand(Participant participant) {
        this.participant = participant;
    }

    public Participant participant() {
        return participant;
    }

    public enum Participant { ORDER, INVENTORY, PAYMENT, SHIPPING }
}
