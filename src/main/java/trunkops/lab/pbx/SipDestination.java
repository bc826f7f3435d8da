package trunkops.lab.pbx;

/**
 * The resource part of a chan_sip dial string: {@code peer/number}, {@code number@peer} or just {@code peer}.
 */
record SipDestination(String peer, String number) {

    static SipDestination parse(String resource) {
        int at = resource.indexOf('@');
        if (at >= 0) {
            return new SipDestination(resource.substring(at + 1), resource.substring(0, at));
        }
        int slash = resource.indexOf('/');
        if (slash >= 0) {
            return new SipDestination(resource.substring(0, slash), resource.substring(slash + 1));
        }
        return new SipDestination(resource, "");
    }
}
