-- ViciDial's stock conf templates (vicidial_conf_templates), same source as vicidial-stock-carriers.sql,
-- extras/MySQL_AST_CREATE_tables.sql lines 5425-5426 at commit f1430484. Quoted verbatim as test data.
INSERT INTO vicidial_conf_templates SET template_id='SIP_generic',template_name='SIP phone generic',template_contents="type=friend\nhost=dynamic\ncanreinvite=no\ncontext=default";
INSERT INTO vicidial_conf_templates SET template_id='IAX_generic',template_name='IAX phone generic',template_contents="type=friend\nhost=dynamic\nmaxauthreq=10\nauth=md5,plaintext,rsa\ncontext=default";
