package org.telereg.platform.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.telereg.platform.BatchCommand;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/**
 * {@code ./telereg create-admin <username> <display name>}: the first ministry administrator of a
 * new installation, which has no default credentials. The password comes from
 * {@code TELEREG_ADMIN_PASSWORD} or, when that is unset, from the first line of standard input, so
 * it never appears in the process list or the shell history.
 */
@Component("create-admin")
class CreateAdminCommand implements BatchCommand {

    private final AccessManagement access;

    CreateAdminCommand(AccessManagement access) {
        this.access = access;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (arguments.size() != 2) {
            out.println("用法 / usage: ./telereg create-admin <username> <display name>");
            return 2;
        }
        String password = System.getenv("TELEREG_ADMIN_PASSWORD");
        if (password == null) {
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                password = null;
            }
        }
        try {
            UserView user = access.createUser(
                    Actor.system(),
                    new NewUser(arguments.get(0), password, arguments.get(1), "MIIT", Role.MINISTRY_ADMIN));
            out.printf("已创建部系统管理员 / ministry administrator created: %s%n", user.username());
            return 0;
        } catch (RejectedInputException e) {
            for (FieldProblem problem : e.problems()) {
                out.printf("%s: %s%n", problem.field(), problem.defaultMessage());
            }
            return 2;
        }
    }
}
