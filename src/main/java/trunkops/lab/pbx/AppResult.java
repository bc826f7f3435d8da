package trunkops.lab.pbx;

/** What an application tells the dialplan runner to do next. */
record AppResult(Kind kind, String context, String exten, String priority) {

    enum Kind { NEXT, GOTO, SUSPEND, HANGUP }

    static final AppResult NEXT = new AppResult(Kind.NEXT, null, null, null);
    static final AppResult SUSPEND = new AppResult(Kind.SUSPEND, null, null, null);
    static final AppResult HANGUP = new AppResult(Kind.HANGUP, null, null, null);

    static AppResult jump(String context, String exten, String priority) {
        return new AppResult(Kind.GOTO, context, exten, priority);
    }

    /** Parses a Goto target {@code [[context,]exten,]priority} relative to the channel's position. */
    static AppResult jump(Channel ch, String target) {
        String[] p = target.split(",", -1);
        return switch (p.length) {
            case 1 -> jump(ch.context, ch.exten, p[0].strip());
            case 2 -> jump(ch.context, p[0].strip(), p[1].strip());
            default -> jump(p[0].strip(), p[1].strip(), p[2].strip());
        };
    }
}
