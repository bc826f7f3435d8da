package trunkops.ami.actions;

import org.asteriskjava.manager.action.ShowDialplanAction;

/** pbx.c's {@code ShowDialPlan} for one context (asterisk-java's action has no Context header). */
public final class ShowDialPlanContextAction extends ShowDialplanAction {

    private static final long serialVersionUID = 1L;

    private String context;

    public ShowDialPlanContextAction(String context) {
        this.context = context;
    }

    public String getContext() {
        return context;
    }

    public void setContext(String context) {
        this.context = context;
    }
}
