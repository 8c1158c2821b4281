package org.linli.grid.notice;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NoticeRepository extends MongoRepository<Notice, String> {
}
