package org.linli.org.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Rewrites the paths under a moved unit: its descendants' {@code path} and every stored copy of a
 * path marked {@link ScopePath} (members, committees, appointments, company statuses), and the paths
 * features keep inside lists ({@link NestedScopePaths}: dual-registration pairings). The moved
 * unit keeps {@code rebaseFrom} until all of that is done, so a crash half-way is finished at the
 * next start-up; a rewrite is idempotent, since a rewritten path no longer matches the old prefix.
 */
@Component
class SubtreeRebaser implements ApplicationRunner {

    private final MongoOperations mongo;
    private final OrgUnitRepository units;
    private final List<PathField> fields;
    private final UnitTypeIndex index;
    private final ObjectProvider<NestedScopePaths> nested;

    SubtreeRebaser(MongoOperations mongo, OrgUnitRepository units, MongoMappingContext mapping, UnitTypeIndex index,
                   ObjectProvider<NestedScopePaths> nested) {
        this.mongo = mongo;
        this.units = units;
        this.fields = pathFields(mapping);
        this.index = index;
        this.nested = nested;
    }

    void completeMove(OrgUnit moved) {
        String oldPrefix = moved.rebaseFrom();
        if (oldPrefix == null) {
            return;
        }
        for (PathField field : fields) {
            rewrite(field, oldPrefix, moved.path());
        }
        nested.orderedStream().forEach(feature -> feature.rebase(oldPrefix, moved.path()));
        mongo.updateFirst(new Query(Criteria.where("_id").is(moved.id())), new Update().unset("rebaseFrom"), "org_units");
        index.changed();
        moved.rebaseDone();
    }

    private void rewrite(PathField field, String oldPrefix, String newPrefix) {
        Query under = new Query(Criteria.where(field.name()).regex("^" + Pattern.quote(oldPrefix)));
        under.fields().include(field.name());
        for (Document document : mongo.find(under, Document.class, field.collection())) {
            String path = document.getString(field.name());
            mongo.updateFirst(new Query(Criteria.where("_id").is(document.get("_id")).and(field.name()).is(path)),
                    new Update().set(field.name(), newPrefix + path.substring(oldPrefix.length())).inc("version", 1),
                    field.collection());
        }
    }

    /** Finishes moves that a crash interrupted. */
    @Override
    public void run(ApplicationArguments args) {
        units.findByRebaseFromNotNull().forEach(this::completeMove);
    }

    private static List<PathField> pathFields(MongoMappingContext mapping) {
        List<PathField> found = new ArrayList<>();
        found.add(new PathField("org_units", "path"));
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
                if (property.isAnnotationPresent(ScopePath.class)) {
                    found.add(new PathField(entity.getCollection(), property.getFieldName()));
                }
            });
        }
        return List.copyOf(found);
    }

    /** A stored path: collection and field. */
    record PathField(String collection, String name) {
    }
}
