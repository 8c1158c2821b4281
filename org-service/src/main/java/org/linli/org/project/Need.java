package org.linli.org.project;

import java.time.Instant;
import java.util.UUID;
import org.linli.org.unit.ScopePath;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 需求清单: a need of a community, raised by a resident, grid worker, party member or community admin (群众点单),
 * possibly from an issue ({@code sourceIssueId}). It waits {@code OPEN} until a community admin makes a project of it
 * ({@code MATCHED}); the project done closes it ({@code CLOSED}), the project cancelled opens it again. An open need
 * may be withdrawn.
 */
@Document("needs")
// the open needs of a community (what its residents see): status equality, path prefix
@CompoundIndex(name = "status_unitPath", def = "{'status': 1, 'unitPath': 1}")
public class Need {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 2000;
    static final int MAX_PLACE = 200;

    @Id
    private String id;
    private String communityId;
    @Indexed // staff's list in their subtree
    @ScopePath
    private String unitPath;
    private NeedCategory category;
    private String title;
    private String description;
    private String place;
    private String sourceIssueId;
    @Indexed // a resident's own needs
    private String raisedBy;
    private Instant raisedAt;
    private Status status;
    private String projectId;
    private Instant closedAt;
    private Instant withdrawnAt;
    @Version
    private Long version;

    protected Need() {
        // for the mapping layer
    }

    /** What a need says when raised; {@code place} and {@code sourceIssueId} are optional. */
    record Details(NeedCategory category, String title, String description, String place, String sourceIssueId) {
    }

    static Need raise(String communityId, String communityPath, Details details, String by, Instant now) {
        Need need = new Need();
        need.id = UUID.randomUUID().toString();
        need.communityId = communityId;
        need.unitPath = communityPath;
        need.category = details.category();
        need.title = details.title();
        need.description = details.description();
        need.place = details.place();
        need.sourceIssueId = details.sourceIssueId();
        need.raisedBy = by;
        need.raisedAt = now;
        need.status = Status.OPEN;
        return need;
    }

    /** A project was made of it (项目清单). */
    void match(String project) {
        require(Status.OPEN, "matching");
        projectId = project;
        status = Status.MATCHED;
    }

    /** Its project is done. */
    void close(Instant now) {
        require(Status.MATCHED, "closing");
        status = Status.CLOSED;
        closedAt = now;
    }

    /** Its project was cancelled: the need waits for another. */
    void reopen() {
        require(Status.MATCHED, "reopening");
        status = Status.OPEN;
        projectId = null;
    }

    /** Taken back before a project was made of it. */
    void withdraw(Instant now) {
        require(Status.OPEN, "a withdrawal");
        status = Status.WITHDRAWN;
        withdrawnAt = now;
    }

    boolean raisedBy(String accountId) {
        return raisedBy.equals(accountId);
    }

    private void require(Status expected, String step) {
        if (status != expected) {
            throw new BusinessRuleViolation("wrong-step", step + " needs a need " + expected + "; it is " + status,
                    status.name());
        }
    }

    public String id() {
        return id;
    }

    public String communityId() {
        return communityId;
    }

    public String unitPath() {
        return unitPath;
    }

    public NeedCategory category() {
        return category;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String place() {
        return place;
    }

    public String sourceIssueId() {
        return sourceIssueId;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public Status status() {
        return status;
    }

    public String projectId() {
        return projectId;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public Long version() {
        return version;
    }

    /** Where a need stands. */
    public enum Status {
        /** 待认领 */
        OPEN("待认领"),
        /** 已立项 */
        MATCHED("已立项"),
        /** 已办结 */
        CLOSED("已办结"),
        /** 已撤回 */
        WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
